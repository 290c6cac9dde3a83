"""gensim side of bench/exact-queries-vs-gensim.sh: warm exact most_similar at full scale.

  gensim_warm.py FILE.kv mmap   KeyedVectors.load(FILE.kv, mmap='r'): every query reads the mapped rows
  gensim_warm.py FILE.kv load   KeyedVectors.load(FILE.kv): the whole matrix read into memory first

After one warm-up query (which also computes gensim's norms), the median latency of
most_similar(w, topn=10) over the 50 words w = words[i*7919 mod N], i < 50 (the words seqlab's
WarmQueries asks), and the answers, as one JSON document.
"""
import os
for _k in ('OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE'):  # peers at their true speed
    os.environ.pop(_k, None)
import json, statistics, sys, time
from gensim.models import KeyedVectors

path, mode = sys.argv[1], sys.argv[2]
t = time.perf_counter()
kv = KeyedVectors.load(path, mmap='r') if mode == 'mmap' else KeyedVectors.load(path)
load_s = time.perf_counter() - t
words = kv.index_to_key
kv.most_similar(words[1000], topn=10)
queries = [words[i * 7919 % len(words)] for i in range(50)]
ms, answers = [], {}
for w in queries:
    t = time.perf_counter()
    top = kv.most_similar(w, topn=10)
    ms.append((time.perf_counter() - t) * 1e3)
    answers[w] = [[a, float(s)] for a, s in top]
print(json.dumps({'peer': 'gensim-' + mode, 'words': len(words), 'load_s': load_s,
                  'most_similar_median_ms': statistics.median(ms), 'answers': answers}))
