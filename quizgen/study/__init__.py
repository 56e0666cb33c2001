"""Study in the terminal: the spaced-repetition drill, the timed mock exam and progress stats."""
