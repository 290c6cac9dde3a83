/**
 * Principal component analysis in double precision for small sets of word vectors: the
 * eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations
 * ({@link dev.seqlab.embeddings.pca.SymmetricEigen}) and the leading components of a set of rows
 * ({@link dev.seqlab.embeddings.pca.PrincipalComponents}), used for the bias direction of
 * debiasing and for 2-D scatter plots.
 */
package dev.seqlab.embeddings.pca;
