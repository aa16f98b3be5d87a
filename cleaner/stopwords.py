"""Small built-in stop-word lists: the function words that make prose read like prose.

The detector only needs a rough share of function words per block (jusText's key feature), so a few
dozen of the most frequent words per language are enough; they are folded to lower case. Languages
without a list still work: the detector falls back on length and sentence punctuation.
"""

from __future__ import annotations

ENGLISH = """a about after all also an and are as at be been but by can could for from had has have he her
his i if in into is it its more not of on one or our out said she so than that the their there they this
to was we were what when which who will with would you"""
GERMAN = """aber als am an auch auf aus bei bis das dass dem den der des die ein eine einem einen einer es für
hat ich im in ist mit nach nicht noch nur oder sich sie sind so und von vor war wie wir wird zu zum zur"""
FRENCH = """au aux avec ce ces cette comme dans de des du elle en est et il ils la le les leur mais ne nous
on ou par pas plus pour qu que qui sa se son sont sur un une été était"""
SPANISH = """al como con de del el ella en es esta este fue ha la las le lo los más no o para pero por que se
sin sobre su sus un una y ya"""
ITALIANO = """al alla anche che con da del della di e è gli ha il in la le lo ma nel non per più si sono su
un una"""
PORTUGUESE = """ao as com como da das de do dos e ela ele em foi mais mas na no não o os para pela pelo por
que se sem seu sua um uma é"""
DUTCH = """aan als bij dat de die dit een en er het hij in is met na niet of om ook op te van voor was wat
werd worden zich zijn"""

STOP_WORDS: frozenset[str] = frozenset(
    word for words in (ENGLISH, GERMAN, FRENCH, SPANISH, ITALIANO, PORTUGUESE, DUTCH) for word in words.split()
)
