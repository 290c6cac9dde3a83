"""Decodes the machine code C2 prints without hsdis, so a kernel's compiled loop can be read.

Without the hsdis plugin, HotSpot's -XX:+PrintAssembly (or -XX:CompileCommand=print,...) prints an
nmethod's code as hex words ("abstract disassembly"). This script gathers those bytes for every
C2-compiled nmethod in the log (or C1 with --c1) and decodes them with binutils' objdump at their
real addresses, so jump targets line up. Example (the GEMM microkernel, from the worktree root):

    java --add-modules jdk.incubator.vector -XX:+UnlockDiagnosticVMOptions \\
        -XX:CompileCommand=print,dev.seqlab.core.kernel.VectorBlas::microKernelPacked \\
        -cp bench/target/benchmarks.jar dev.seqlab.bench.GemmGflops 1 > c2.log
    python3 bench/python/c2_disasm.py c2.log | less

Each nmethod starts with a line "===== <compile id, OSR marker, method>"; the loop is the block
that ends in a backward jl/jne to its head.
"""
import re
import subprocess
import sys
import tempfile

HEX_LINE = re.compile(r'\s+0x([0-9a-f]+): ((?:[0-9a-f]{2,8}\s*\|?\s*)+)$')


def nmethods(log, tier):
    parts = re.split(r'=+ (C[12])-compiled nmethod =+', log)
    for i in range(1, len(parts), 2):
        if parts[i] != tier:
            continue
        body = parts[i + 1]
        title = re.search(r'Compiled method \(c[12]\)\s+(.*)', body)
        code = body.split('[MachCode]')[1] if '[MachCode]' in body else body
        code = code.split('[/MachCode]')[0]
        start, data = None, bytearray()
        for line in code.splitlines():
            m = HEX_LINE.match(line)
            if not m:
                continue
            addr = int(m.group(1), 16)
            if start is None:
                start = addr
            gap = addr - start - len(data)
            if gap > 0:
                data += b'\x90' * gap
            data += bytes.fromhex(re.sub(r'[^0-9a-f]', '', m.group(2)))
        if start is not None:
            yield (title.group(1) if title else '?'), start, bytes(data)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if len(args) != 1:
        sys.exit('usage: c2_disasm.py [--c1] LOG')
    tier = 'C1' if '--c1' in sys.argv else 'C2'
    with open(args[0], errors='replace') as f:
        log = f.read()
    for title, start, data in nmethods(log, tier):
        with tempfile.NamedTemporaryFile(suffix='.bin') as tmp:
            tmp.write(data)
            tmp.flush()
            out = subprocess.run(['objdump', '-D', '-b', 'binary', '-m', 'i386:x86-64',
                                  '--adjust-vma=%#x' % start, tmp.name],
                                 capture_output=True, text=True, check=True).stdout
        print('=====', title, '(%d bytes)' % len(data))
        print(out.split('<.data>:', 1)[-1])


if __name__ == '__main__':
    main()
