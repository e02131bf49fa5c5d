"""PDF printing without the web app: what a render process loads (WeasyPrint and the print
stylesheet's requirements), and nothing of Flask or the content."""
