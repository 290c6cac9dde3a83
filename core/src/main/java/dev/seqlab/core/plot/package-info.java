/**
 * The drawing every seqlab picture shares, in plain Java2D: a white {@link dev.seqlab.core.plot.Canvas}
 * with the rendering hints set, a {@link dev.seqlab.core.plot.PlotArea} mapping data to pixels inside
 * a framed rectangle, and {@link dev.seqlab.core.plot.PngFiles} writing the result atomically. The
 * pictures themselves (loss curves, attention maps, word scatter plots, piano rolls) stay with their
 * models and call these.
 */
package dev.seqlab.core.plot;
