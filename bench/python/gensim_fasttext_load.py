"""gensim 4.2 loading a fastText .bin (load_facebook_vectors), then the same lookups as seqlab's
dev.seqlab.bench.embeddings.FastTextLoadSpeed: 1,000 vocabulary words (ids i*n/1000) and 1,000
unseen ones (each of those + "zq"), and with MODE=query one most_similar (top 10) after them.
Prints one JSON line. Usage: gensim_fasttext_load.py MODEL.bin lookups|query
Run it with `env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE` (peers at their true speed).
"""
import json, sys, time

t0 = time.perf_counter()
from gensim.models.fasttext import load_facebook_vectors
t_import = time.perf_counter() - t0

path, mode = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
kv = load_facebook_vectors(path)
load = time.perf_counter() - t0
words = kv.index_to_key
n = len(words)
known = [words[i * n // 1000] for i in range(1000)]
unseen = [w + "zq" for w in known]
t0 = time.perf_counter()
s = 0.0
for w in known + unseen:
    s += float(kv[w][0])
lookups = time.perf_counter() - t0
query = None
if mode == "query":
    t0 = time.perf_counter()
    kv.most_similar(known[1], topn=10)
    query = time.perf_counter() - t0
print(json.dumps({"peer": "gensim", "mode": mode, "words": n, "dim": kv.vector_size, "import_s": round(t_import, 3),
                  "load_s": round(load, 3), "lookups_s": round(lookups, 3),
                  "first_query_s": None if query is None else round(query, 3), "checksum": round(s, 3)}))
