from tqcheck.cli.app import main

main()
