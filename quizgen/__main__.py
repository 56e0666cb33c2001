from quizgen.entry import run

run()
