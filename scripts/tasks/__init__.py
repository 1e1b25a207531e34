"""The plan's tasks and deadlines: data/tasks.yml and data/bodies.yml (model), status as of the
build date (status), the tables and views in pages (pages), the calendar (ics), the plan's own
deadline words (deadline_words), the build hook and the editors' check (check_deadlines).
"""
