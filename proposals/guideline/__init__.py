"""The guideline as data: the six rules, collaboration forms, review criteria, the guideline's pages."""
