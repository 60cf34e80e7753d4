"""Rules as code: dated parameters, the rule catalogue, retirement, explained verdicts."""
