/**
 * Hard debiasing of word vectors as taught in the Sequence Models course after Bolukbasi et al.
 * (2016), "Man is to Computer Programmer as Woman is to Homemaker?": a bias direction from one
 * pair ({@code g = e_woman − e_man}) or from the first principal component of several
 * definitional pairs ({@link dev.seqlab.embeddings.debias.BiasDirection}), neutralizing words
 * that should carry no bias and equalizing pairs that should differ only along the bias direction
 * ({@link dev.seqlab.embeddings.debias.Debiaser}), with the word lists the project ships
 * ({@link dev.seqlab.embeddings.debias.DebiasLists}).
 */
package dev.seqlab.embeddings.debias;
