// The Lucene baseline of eval/search/known_item.py: Lucene 8.7's SoraniAnalyzer with
// BM25Similarity (default k1 = 1.2, b = 0.75), one JVM for the whole run.
//
// Usage: java -cp JARS:CLASSDIR LuceneKnownItem DOCS.tsv QUERIES.tsv OUT.tsv [WORDS.txt TERMS.txt]
//   DOCS.tsv     one document a line: id<TAB>body (the body with its line feeds and tabs as spaces)
//   QUERIES.tsv  one query a line: key<TAB>word<TAB>word...; the words are escaped with
//                QueryParser.escape and joined with " OR " (one word: the word alone), then parsed
//                by the classic QueryParser with the SoraniAnalyzer on the field "body"
//   OUT.tsv      one line a query: key<TAB>id,id,... (the top 10, best first; empty when no hit)
//   WORDS.txt    optional: one word a line, analysed with the SoraniAnalyzer into TERMS.txt, one
//                line a word: its terms separated by spaces (empty for a stopword)
//
// The index lives in memory (ByteBuffersDirectory). Ties keep Lucene's order (lower doc number
// first, that is input order).

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

public final class LuceneKnownItem {
  private static final int TOP = 10;

  public static void main(String[] args) throws IOException {
    if (args.length != 3 && args.length != 5) {
      System.err.println("usage: LuceneKnownItem DOCS.tsv QUERIES.tsv OUT.tsv [WORDS.txt TERMS.txt]");
      System.exit(2);
    }
    Analyzer analyzer = new SoraniAnalyzer();
    BM25Similarity similarity = new BM25Similarity();
    Directory dir = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setSimilarity(similarity);
    int docs = 0;
    try (IndexWriter writer = new IndexWriter(dir, config);
         BufferedReader in = Files.newBufferedReader(Paths.get(args[0]), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (tab < 0) continue;
        Document doc = new Document();
        doc.add(new StringField("id", line.substring(0, tab), Field.Store.YES));
        doc.add(new TextField("body", line.substring(tab + 1), Field.Store.NO));
        writer.addDocument(doc);
        docs++;
      }
    }
    DirectoryReader reader = DirectoryReader.open(dir);
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setSimilarity(similarity);
    QueryParser parser = new QueryParser("body", analyzer);
    int queries = 0;
    int failed = 0;
    try (BufferedReader in = Files.newBufferedReader(Paths.get(args[1]), StandardCharsets.UTF_8);
         BufferedWriter out = Files.newBufferedWriter(Paths.get(args[2]), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] fields = line.split("\t");
        if (fields.length < 2) continue;
        List<String> words = new ArrayList<>();
        for (int i = 1; i < fields.length; i++) words.add(QueryParser.escape(fields[i]));
        String text = String.join(" OR ", words);
        StringBuilder ids = new StringBuilder();
        try {
          Query query = parser.parse(text);
          for (ScoreDoc hit : searcher.search(query, TOP).scoreDocs) {
            if (ids.length() > 0) ids.append(',');
            ids.append(searcher.doc(hit.doc).get("id"));
          }
        } catch (ParseException e) {
          // An analyzer that drops every word (all stopwords) leaves nothing to parse: no hit.
          failed++;
        }
        out.write(fields[0] + "\t" + ids + "\n");
        queries++;
      }
    }
    reader.close();
    if (args.length == 5) {
      try (BufferedReader in = Files.newBufferedReader(Paths.get(args[3]), StandardCharsets.UTF_8);
           BufferedWriter out = Files.newBufferedWriter(Paths.get(args[4]), StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          StringBuilder terms = new StringBuilder();
          try (TokenStream ts = analyzer.tokenStream("body", line)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
              if (terms.length() > 0) terms.append(' ');
              terms.append(term);
            }
            ts.end();
          }
          out.write(terms + "\n");
        }
      }
    }
    System.err.println("lucene: " + docs + " documents, " + queries + " queries, " + failed
        + " parse failures");
  }
}
