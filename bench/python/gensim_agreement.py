"""gensim 4.2's answers to a fixed, seeded set of KeyedVectors queries on one vectors file, as JSON.

seqlab's dev.seqlab.bench.embeddings.GensimAgreement asks the same questions of seqlab and compares.
Usage: gensim_agreement.py VECTORS OUT.json [--no-header] [--analogies FILE] [--pairs FILE] [--restrict N]
"""
import argparse, json, os, random

# Peers at their true speed: this machine forces OpenBLAS onto AVX2 kernels through these two
# variables; drop them before numpy loads OpenBLAS (this script compares answers, not speed).
os.environ.pop("OPENBLAS_CORETYPE", None)
os.environ.pop("OPENBLAS_L2_SIZE", None)

import numpy as np
from gensim.models import KeyedVectors

ap = argparse.ArgumentParser()
ap.add_argument('vectors'); ap.add_argument('out')
ap.add_argument('--no-header', action='store_true')
ap.add_argument('--analogies'); ap.add_argument('--pairs')
ap.add_argument('--pool', type=int, default=20000, help='queries use words among the first POOL')
a = ap.parse_args()

kv = KeyedVectors.load_word2vec_format(a.vectors, binary=False, no_header=a.no_header)
words = kv.index_to_key
pool = words[:min(a.pool, len(words))]
rng = random.Random(1)

def pairs(result):
    return [[w, float(s)] for w, s in result]

out = {'vectors': a.vectors, 'words': len(kv), 'queries': []}
q = out['queries']
for w in rng.sample(pool, 200):
    q.append({'kind': 'most_similar', 'positive': [w], 'negative': [], 'topn': 10, 'restrict': 0,
              'result': pairs(kv.most_similar(w, topn=10))})
for _ in range(150):
    x, y, z = rng.sample(pool, 3)
    q.append({'kind': 'most_similar', 'positive': [y, z], 'negative': [x], 'topn': 10, 'restrict': 0,
              'result': pairs(kv.most_similar(positive=[y, z], negative=[x], topn=10))})
for _ in range(50):
    x, y, z = rng.sample(pool, 3)
    q.append({'kind': 'most_similar', 'positive': [y, z], 'negative': [x], 'topn': 10, 'restrict': 5000,
              'result': pairs(kv.most_similar(positive=[y, z], negative=[x], topn=10, restrict_vocab=5000))})
for _ in range(100):
    x, y, z = rng.sample(pool, 3)
    q.append({'kind': 'cosmul', 'positive': [y, z], 'negative': [x], 'topn': 10,
              'result': pairs(kv.most_similar_cosmul(positive=[y, z], negative=[x], topn=10))})
for _ in range(50):
    ws = rng.sample(pool, 5)
    q.append({'kind': 'doesnt_match', 'words': ws, 'result': kv.doesnt_match(ws)})
for _ in range(50):
    x, y = rng.sample(pool, 2)
    q.append({'kind': 'similarity', 'words': [x, y], 'result': float(kv.similarity(x, y))})
for _ in range(30):
    s1, s2 = rng.sample(pool, 3), rng.sample(pool, 2)
    q.append({'kind': 'n_similarity', 'words': s1, 'words2': s2, 'result': float(kv.n_similarity(s1, s2))})
for _ in range(30):
    x, y = rng.sample(pool, 2)
    v = (kv[x] - 0.5 * kv[y]).astype(np.float32)
    q.append({'kind': 'similar_by_vector', 'vector': [float(t) for t in v], 'topn': 10,
              'result': pairs(kv.similar_by_vector(v, topn=10))})
if a.analogies:
    acc, sections = kv.evaluate_word_analogies(a.analogies)
    out['analogies'] = {'accuracy': acc, 'sections': [
        {'name': s['section'], 'correct': len(s['correct']), 'incorrect': len(s['incorrect'])} for s in sections]}
if a.pairs:
    p, s, oov = kv.evaluate_word_pairs(a.pairs)
    out['pairs'] = {'pearson': float(p[0]), 'spearman': float(s[0]), 'oov_ratio': float(oov)}
with open(a.out, 'w') as f:
    json.dump(out, f)
print(json.dumps({'peer': 'gensim', 'queries': len(q), 'analogies': out.get('analogies', {}).get('accuracy'),
                  'pairs': out.get('pairs')}))
