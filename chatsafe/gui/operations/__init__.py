"""The GUI's operations: small objects over the case service (Anki's ``CollectionOp``,
Vorta's ``ArchiveRename(tab)``).

Each operation gets its collaborators explicitly (the session, a parent widget for its
dialogs, callbacks), runs its command on the session's single worker, and reports
success or failure on the GUI thread. None runs SQL or touches a connection: they call
:class:`chatsafe.service.CaseService` commands, which return a ``Changes`` set that the
main window uses to refresh exactly what changed.
"""
