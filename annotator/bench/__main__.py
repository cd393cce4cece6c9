import sys

from annotator.bench.run import main

sys.exit(main())
