// SPDX-License-Identifier: Apache-2.0
//
// Lucene baseline for kurdi's benchmarks: how fast Lucene 8 (Debian
// liblucene8-java) tokenizes and normalizes the same Sorani file, measured in
// the same run as kurdi (bench/run.sh compiles this file with javac into the
// build directory and runs it).
//
// Input handling (the same for every pipeline): the file is read once into a
// byte[] (not timed). Each timed run starts from those UTF-8 bytes, like
// kurdi's runner does: the UTF-8 -> UTF-16 decoding (InputStreamReader) is
// inside the timed region, and the "decode" row measures it alone so it can
// be subtracted. Mode "reader" (default) feeds the whole file to the
// tokenizer as one Reader; mode "lines" gives each line its own Reader
// (setReader per line, as a line-oriented filter would).
//
// Pipelines:
//   decode        UTF-8 decoding only (read every char through the Reader)
//   std           StandardTokenizer alone
//   std+sorani    StandardTokenizer + SoraniNormalizationFilter
//   analyzer      the full SoraniAnalyzer (normalize, lower-case, digits,
//                 stopwords, stem), for context
//
// Every token is consumed: its term length and end offset go into a checksum
// that is printed, so the JIT cannot drop the work.
//
// Usage: java -cp CLASSES:lucene-core.jar:lucene-analyzers-common.jar \
//          LuceneBaseline [--mode reader|lines] [--reps N] [--warmup N]
//                         [--pipelines decode,std,std+sorani,analyzer] FILE
// Output: one line per pipeline,
//   RESULT op=lucene_<pipeline> mode=... bytes=... tokens=... best_s=... median_s=...
//          best_mbps=... median_mbps=... tokens_per_s=... checksum=...
// MB = 10^6 bytes of the UTF-8 input; tokens/s uses the best time.

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.ckb.SoraniNormalizationFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

public final class LuceneBaseline {
  /** Warm-up runs use at most this many bytes of the file (whole lines). */
  private static final int WARMUP_BYTES = 16 << 20;

  /** One analysis chain, reusable across runs (as Lucene reuses them). */
  private interface Chain {
    /** Analyzes everything `reader` yields; returns {tokens, checksum}. */
    long[] run(Reader reader) throws IOException;
  }

  private static final class TokenizerChain implements Chain {
    private final Tokenizer tokenizer;
    private final TokenStream stream;
    private final CharTermAttribute term;
    private final OffsetAttribute offset;

    TokenizerChain(boolean sorani) {
      tokenizer = new StandardTokenizer();
      stream = sorani ? new SoraniNormalizationFilter(tokenizer) : tokenizer;
      term = stream.addAttribute(CharTermAttribute.class);
      offset = stream.addAttribute(OffsetAttribute.class);
    }

    @Override
    public long[] run(Reader reader) throws IOException {
      tokenizer.setReader(reader);
      stream.reset();
      long tokens = 0;
      long checksum = 0;
      while (stream.incrementToken()) {
        ++tokens;
        checksum += term.length() + offset.endOffset();
      }
      stream.end();
      stream.close();
      return new long[] {tokens, checksum};
    }
  }

  private static final class AnalyzerChain implements Chain {
    private final Analyzer analyzer = new SoraniAnalyzer();

    @Override
    public long[] run(Reader reader) throws IOException {
      long tokens = 0;
      long checksum = 0;
      try (TokenStream stream = analyzer.tokenStream("body", reader)) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          ++tokens;
          checksum += term.length() + offset.endOffset();
        }
        stream.end();
      }
      return new long[] {tokens, checksum};
    }
  }

  private static final class DecodeChain implements Chain {
    private final char[] buffer = new char[1 << 16];

    @Override
    public long[] run(Reader reader) throws IOException {
      long chars = 0;
      long checksum = 0;
      int n;
      while ((n = reader.read(buffer)) > 0) {
        chars += n;
        checksum += buffer[n - 1];
      }
      return new long[] {0, checksum + chars};
    }
  }

  private static Chain makeChain(String name) {
    switch (name) {
      case "decode":
        return new DecodeChain();
      case "std":
        return new TokenizerChain(false);
      case "std+sorani":
        return new TokenizerChain(true);
      case "analyzer":
        return new AnalyzerChain();
      default:
        throw new IllegalArgumentException("unknown pipeline: " + name);
    }
  }

  private static Reader utf8Reader(byte[] bytes, int length) {
    return new InputStreamReader(new ByteArrayInputStream(bytes, 0, length), StandardCharsets.UTF_8);
  }

  /** One pass over the first `length` bytes; returns {tokens, checksum}. */
  private static long[] pass(Chain chain, byte[] bytes, int length, boolean lines)
      throws IOException {
    if (!lines) {
      try (Reader reader = utf8Reader(bytes, length)) {
        return chain.run(reader);
      }
    }
    long tokens = 0;
    long checksum = 0;
    try (BufferedReader in = new BufferedReader(utf8Reader(bytes, length), 1 << 16)) {
      String line;
      while ((line = in.readLine()) != null) {
        long[] r = chain.run(new StringReader(line));
        tokens += r[0];
        checksum += r[1];
      }
    }
    return new long[] {tokens, checksum};
  }

  private static int warmupLength(byte[] bytes) {
    if (bytes.length <= WARMUP_BYTES) return bytes.length;
    int end = WARMUP_BYTES;
    while (end > 0 && bytes[end - 1] != '\n') --end;  // whole lines only
    return end > 0 ? end : WARMUP_BYTES;
  }

  private static void usage() {
    System.err.println(
        "usage: LuceneBaseline [--mode reader|lines] [--reps N] [--warmup N]"
            + " [--pipelines decode,std,std+sorani,analyzer] FILE");
    System.exit(2);
  }

  public static void main(String[] args) throws IOException {
    String mode = "reader";
    int reps = 5;
    int warmup = 3;
    List<String> pipelines = Arrays.asList("decode", "std", "std+sorani", "analyzer");
    String file = null;
    for (int i = 0; i < args.length; ++i) {
      String a = args[i];
      if (a.equals("--mode") && i + 1 < args.length) {
        mode = args[++i];
      } else if (a.equals("--reps") && i + 1 < args.length) {
        reps = Integer.parseInt(args[++i]);
      } else if (a.equals("--warmup") && i + 1 < args.length) {
        warmup = Integer.parseInt(args[++i]);
      } else if (a.equals("--pipelines") && i + 1 < args.length) {
        pipelines = Arrays.asList(args[++i].split(","));
      } else if (a.startsWith("--") || file != null) {
        usage();
      } else {
        file = a;
      }
    }
    if (file == null || reps < 1 || warmup < 0) usage();
    if (!mode.equals("reader") && !mode.equals("lines")) usage();
    final boolean lines = mode.equals("lines");

    byte[] bytes = Files.readAllBytes(Paths.get(file));
    int warmLen = warmupLength(bytes);
    System.err.printf(Locale.ROOT, "lucene: %s, %d bytes, mode %s, %d warm-up runs on %d bytes, %d timed runs%n",
        file, bytes.length, mode, warmup, warmLen, reps);

    for (String name : pipelines) {
      Chain chain = makeChain(name);
      long sink = 0;
      for (int i = 0; i < warmup; ++i) sink += pass(chain, bytes, warmLen, lines)[1];
      double[] seconds = new double[reps];
      long tokens = 0;
      long checksum = 0;
      for (int i = 0; i < reps; ++i) {
        long t0 = System.nanoTime();
        long[] r = pass(chain, bytes, bytes.length, lines);
        seconds[i] = (System.nanoTime() - t0) / 1e9;
        tokens = r[0];
        checksum = r[1];
      }
      double[] sorted = seconds.clone();
      Arrays.sort(sorted);
      double best = sorted[0];
      double median = reps % 2 == 1 ? sorted[reps / 2] : (sorted[reps / 2 - 1] + sorted[reps / 2]) / 2;
      double mb = bytes.length / 1e6;
      System.out.printf(Locale.ROOT,
          "RESULT op=lucene_%s mode=%s bytes=%d tokens=%d best_s=%.6f median_s=%.6f"
              + " best_mbps=%.2f median_mbps=%.2f tokens_per_s=%.0f checksum=%d%n",
          name, mode, bytes.length, tokens, best, median, mb / best, mb / median,
          tokens / best, checksum + (sink & 1));
    }
  }
}
