# The support office's own records (consultations, coordination, events, talent
# bank, news, surveys) arrive with their issues; see DESIGN.md.
