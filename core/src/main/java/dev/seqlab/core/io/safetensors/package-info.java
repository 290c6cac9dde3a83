/**
 * The safetensors model-file format (the public format shared with Hugging Face tools):
 * <pre>
 *   8 bytes    N, the header length, unsigned little-endian
 *   N bytes    UTF-8 JSON: {"__metadata__": {string: string}, NAME: {"dtype": "F32",
 *              "shape": [d0, d1, …], "data_offsets": [begin, end]}, …}, padded with spaces
 *   the rest   the tensors' bytes, little-endian, row-major; offsets are relative to this
 *              buffer, and the tensors cover it exactly, without gaps or overlaps
 * </pre>
 * {@link dev.seqlab.core.io.safetensors.SafeTensors} reads and writes it; reading checks every
 * rule above and names the file and the tensor when one is broken.
 */
package dev.seqlab.core.io.safetensors;
