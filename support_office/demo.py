"""A year of the support office's work for `manage.py seed_demo`: each function app's demo, in
an order where later ones may refer to earlier ones (a newsletter lists events, say)."""

from support_office.consultations import demo as consultations
from support_office.coordination import demo as coordination
from support_office.events import demo as events
from support_office.news import demo as news
from support_office.reports import demo as reports
from support_office.surveys import demo as surveys
from support_office.talent import demo as talent

# The reports come last: they close the past fiscal years with every other app's figures.
APPS = (consultations, talent, coordination, events, news, surveys, reports)


def seed(command) -> None:
    for app in APPS:
        app.seed(command)
