/** The golden files of every module read through the {@code seqlab} command, as users read them. */
package dev.seqlab.cli.golden;
