"""Named evidence weights and priors of the statement rules.

Each :class:`~kg.extract.mentions.Draft` carries an ``evidence`` in [0, 1]: how
sure the rule that found it is, beside the cue's own ``prior`` (``cues.tsv``).
The values are kg's own calibration on its dev sets (``kg evaluate``); they rank
findings, they are not probabilities.  Changing one changes the extraction output.
"""

from __future__ import annotations

# ---- findings of a reported clause (kg.extract.clauses.analyse_clause)

#: The clause states the wrongdoing or refusal itself: a wrongdoing verb ("X supports
#: terrorists"), "a violation by X", negated cooperation ("will never cooperate with X").
CLAUSE_EXPLICIT = 0.8
#: A commitment of the speaker's side ("said it will support X", "will retaliate against X")
#: or a threat to the one who "would pay a heavy price".
CLAUSE_COMMITMENT = 0.7
#: A type read from an evaluation or an act rather than said: force as the answer ("would be
#: answered with a decisive response"), "not satisfied with X", negative words about X, the doer
#: of a condemned act, dismissed accusations.
CLAUSE_INFERRED = 0.6
#: An obligation put on another actor ("said X should withdraw", "X must stop"): an APPEAL (or a
#: DEMAND when insistent) addressed to X; or a reproach ("X should have consulted"): a CRITICIZE.
CLAUSE_OBLIGATION = 0.7
#: Factor for each step away from the cue: a finding in an infinitival complement of the clause,
#: or in a later sentence of the cue's quotation.
NESTED_STEP = 0.9

# ---- verbal cues (kg.extract.verbal)

#: A speech-act cue whose target the rules found ("condemned X").
ACT_WITH_TARGET = 0.9
#: A cue without a typed finding: a speech-act cue without target, a plain report ("X said ..."),
#: a question ("asked whether ...").
CUE_ALONE = 0.6
#: A denial aimed at the authors of the accusations the cue dismisses ("..., something Moscow denies").
DISMISSED_ACCUSERS = 0.7
#: The THREATEN of an appeal with an alternative "or face sanctions".
ULTIMATUM = 0.7
#: The CONSULT of a report cue said "in a call with X" (CAMEO 04x).
REPORT_MEETING = 0.7
#: A pejorative label ("called X a dictatorship"): the evidence, and the prior where no cue gives one.
LABEL = 0.7
#: "talks with X" on a verb that is no cue ("arrived for talks with X"): prior and evidence.
MEETING = 0.6
#: Cues below this prior ("ordered the closure of the consulate") do not address the actors inside
#: their object.
ADDRESSING_PRIOR = 0.6

# ---- headlines and noun cues (kg.extract.statements, kg.extract.nominal)

#: Prior of a "Claim: Speaker" headline statement.
HEADLINE_PRIOR = 0.6
#: Evidence of a headline claim whose clause gives no type (a monadic STATEMENT).
HEADLINE_UNTYPED = 0.5
#: A noun cue with a target ("Maduro's criticism of X").
NOUN_WITH_TARGET = 0.8
#: A noun cue without a target, asserted by a light verb ("X issued a warning").
NOUN_ALONE = 0.5
