from revise.cli import main

main()
