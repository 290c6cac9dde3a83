/** Pictures of training: {@link dev.seqlab.rnn.plot.LossCurve} draws loss curves as PNG with Java2D. */
package dev.seqlab.rnn.plot;
