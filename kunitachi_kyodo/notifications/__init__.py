"""Notifications: a message on マイページ and an e-mail, sent from the task queue.

Every app may tell people what happened through `services.notify`; this app imports none of them.
"""
