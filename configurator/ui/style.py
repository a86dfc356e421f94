"""The application's look: readable sizes and clear colours for notes and alerts."""

STYLE = """
QLabel#pageTitle { font-size: 20px; font-weight: 600; }
QLabel#pageIntro { color: palette(mid); color: #555; }
QLabel#note_info { background: #e8f1fb; border: 1px solid #9cc1ea; border-radius: 4px;
                   padding: 6px; color: #123; }
QLabel#note_ok { background: #e7f6e9; border: 1px solid #8fcf98; border-radius: 4px;
                 padding: 6px; color: #143d1c; }
QLabel#note_warning { background: #fff4d6; border: 1px solid #e5b94e; border-radius: 4px;
                      padding: 6px; color: #4a3500; }
QLabel#note_error { background: #fde8e8; border: 1px solid #e08b8b; border-radius: 4px;
                    padding: 6px; color: #6b0d0d; font-weight: 600; }
QLabel#banner_lost { background: #c62828; color: white; font-size: 15px; font-weight: 600; }
QLabel#banner_info { background: #1565c0; color: white; font-size: 14px; }
QLabel#banner_reversed { background: #b71c1c; color: #fff; font-size: 17px; font-weight: 700; }
QListWidget#sidebar { font-size: 14px; border: none; background: #f1f3f5; }
QListWidget#sidebar::item { padding: 5px 8px; }
QListWidget#sidebar::item:selected { background: #1565c0; color: white; }
QLabel#readoutName { color: #555; font-size: 13px; }
QLabel#readoutValue { font-size: 22px; font-weight: 600; font-family: monospace; }
QLabel#phaseState { font-size: 18px; font-weight: 700; padding: 6px; border-radius: 4px; }
QLabel#identValue { font-size: 15px; }
QLabel#identModel { font-size: 18px; font-weight: 700; }
QFrame#readoutBox { border: 1px solid #d0d5da; border-radius: 4px; background: #fafbfc; }
QWidget[changed="true"] { background: #fff4d6; }
QLabel[stale="true"] { color: #9e9e9e; }
QLabel#freshness { color: #555; font-size: 12px; }
QLabel#freshness[stale="true"] { color: #9e9e9e; }
"""
