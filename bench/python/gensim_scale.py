"""gensim side of bench/vectors-scale-vs-gensim.sh: whole-command workloads at GoogleNews scale.

  gensim_scale.py binary FILE.bin WORD [SAVE.kv]  load_word2vec_format(binary=True) + one most_similar;
                                                  saves gensim's own format to SAVE.kv when it is missing
  gensim_scale.py text FILE.txt WORD [SAVE.kv]    the same for a GloVe text file (no header)
  gensim_scale.py mmap FILE.kv WORD               KeyedVectors.load(mmap='r') + one most_similar

Warm queries are gensim_warm.py's (FILE.kv mmap).
"""
import os
for _k in ('OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE'):  # peers at their true speed
    os.environ.pop(_k, None)
import sys
from gensim.models import KeyedVectors

mode, path = sys.argv[1], sys.argv[2]
if mode in ('binary', 'text'):
    kv = KeyedVectors.load_word2vec_format(path, binary=mode == 'binary', no_header=mode == 'text')
    top = kv.most_similar(sys.argv[3], topn=10)
    print(top[0][0], top[0][1])
    if len(sys.argv) > 4 and not os.path.exists(sys.argv[4]):
        kv.save(sys.argv[4])
elif mode == 'mmap':
    kv = KeyedVectors.load(path, mmap='r')
    top = kv.most_similar(sys.argv[3], topn=10)
    print(top[0][0], top[0][1])
else:
    sys.exit('unknown mode ' + mode)
