"""Text layer: reading text, sentences, quotations, words, number words, word diff.

Pure functions on strings; imports nothing from the other layers, nor pandas, matplotlib or
ipywidgets.
"""
