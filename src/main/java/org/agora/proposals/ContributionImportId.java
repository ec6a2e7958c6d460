package org.agora.proposals;

/** An import batch: the contributions staff imported from one file (see docs/imports.md). */
public record ContributionImportId(long value) {
}
