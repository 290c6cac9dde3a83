/** {@code seqlab dates}: human-written dates to ISO 8601 with the course's attention model. */
package dev.seqlab.cli.dates;
