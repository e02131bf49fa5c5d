"""The web layer's glue between Flask and the core: what one app holds and one request chose.

The core (``webapp.content``, ``search``, ``drafting``, ``compare``, ``charts``, ``glossary``,
``citation``, ``languages``) knows no Flask: it takes content and a ``Language`` and gives data
back. Here live the pieces that tie it to an app: ``content`` keeps the loaded content on the
app (``current_content``, drafts kept from readers), ``search`` keeps each app's search index,
and ``locale`` chooses a request's language (Flask-Babel, Accept-Language).
"""
