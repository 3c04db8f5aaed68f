"""Outcomes over time: the "still working?" check-ins a member asks for when posting (3, 6 and
12 months later, sent by a job on the queue), and the check-in page that updates their
treatment reports in a few taps. May import answers, conditions, notifications, jobs and
permissions; nothing but the app factory and the answer service imports it."""
