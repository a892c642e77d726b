"""Text layer: reading text, sentences, quotations, words, number words, word diff, the
lexicon (every shared word list, the word pattern, months, the lemmatiser) and span tools.

Pure functions on strings; imports nothing from the other layers, nor pandas, matplotlib or
ipywidgets.
"""
