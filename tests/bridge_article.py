"""An article of three long paragraphs, for tests that wrap it, link it or surround it with furniture."""

ARTICLE = [
    "The city council voted on Tuesday evening to close the old river bridge to all traffic, after "
    "engineers found that two of its main cables had corroded far beyond what last year's inspection "
    "had shown, and that the deck could no longer carry the weight of buses and delivery lorries.",
    "Residents who cross the bridge every day to reach the hospital and the railway station will have "
    "to take the ring road instead, which adds about twenty minutes to the journey at rush hour, the "
    "transport department said in a statement published on its website shortly after the vote.",
    "The mayor said the decision had not been an easy one, but that the safety of the people who use "
    "the bridge had to come before every other consideration, including the cost to local shops that "
    "depend on customers from the other side of the river and the well-known market on Saturdays.",
    "Work on a replacement is expected to start next spring and to take at least two years, according "
    "to the council's own estimate, which several members of the opposition called optimistic given "
    "the delays that held up the construction of the new library and the sports centre last decade.",
]
