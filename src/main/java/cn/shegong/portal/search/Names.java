package cn.shegong.portal.search;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a document holds as a whole, indexed (folded) in {@link SearchFields#NAMES}: what an
 * article puts in quotes or title marks (“髓爱童行”, 《…》), a station's name, the Han lines of its
 * record (organization) and its places. A query typed as one of them is matched as one unit, and
 * they are the candidates of "您是不是要找".
 */
final class Names {
  static final int MIN = 2;
  static final int MAX = 20;
  private static final Pattern QUOTED =
      Pattern.compile("[“「『《\"]([\\p{IsHan}]{" + MIN + "," + MAX + "})[”」』》\"]");

  private Names() {}

  static Set<String> of(Indexable item) {
    Set<String> out = new LinkedHashSet<>();
    String title = TextNormalizer.normalize(item.title());
    String body = TextNormalizer.normalize(item.body());
    quoted(title, out);
    quoted(body, out);
    for (String place :
        new String[] {item.province(), item.city(), item.district(), item.township()}) {
      add(TextNormalizer.normalize(place), out);
      add(TextNormalizer.normalize(RegionNames.core(place)), out);
    }
    if (SearchFields.TYPE_STATION.equals(item.type())) {
      add(title, out);
      for (String line : body.split("\n")) add(line.strip(), out);
    }
    return out;
  }

  private static void quoted(String text, Set<String> out) {
    Matcher m = QUOTED.matcher(text);
    while (m.find()) add(m.group(1), out);
  }

  /** Only all-Han names of a name's length: anything else is not typed as one word. */
  private static void add(String name, Set<String> out) {
    if (name == null || name.length() < MIN || name.length() > MAX) return;
    for (int i = 0; i < name.length(); i++) if (!TextNormalizer.isHan(name.charAt(i))) return;
    out.add(name);
  }
}
