package io.github.junitmailassert.internal.spf;

import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Parsed records by their text, so that a verifier checking many mails parses each record once.
 * Bounded: when full it starts over. Thread-safe. Internal.
 */
@API(status = API.Status.INTERNAL)
public final class SpfRecordCache {

  private static final int MAX_ENTRIES = 1024;
  private static final int MAX_RECORD_LENGTH = 4096;

  private final ConcurrentHashMap<String, Object> parsed = new ConcurrentHashMap<>();

  /** The parsed record, or the syntax error it has. */
  public SpfRecord parse(String text) {
    if (text.length() > MAX_RECORD_LENGTH) {
      return SpfRecord.parse(text);
    }
    Object cached = parsed.get(text);
    if (cached == null) {
      try {
        cached = SpfRecord.parse(text);
      } catch (SpfSyntaxException e) {
        cached = e;
      }
      if (parsed.size() >= MAX_ENTRIES) {
        parsed.clear();
      }
      parsed.put(text, cached);
    }
    if (cached instanceof SpfSyntaxException e) {
      throw e;
    }
    return (SpfRecord) cached;
  }
}
