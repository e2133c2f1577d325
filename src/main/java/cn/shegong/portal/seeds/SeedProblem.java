package cn.shegong.portal.seeds;

/** Something wrong in a seed file, located precisely enough for a person to fix it. */
public record SeedProblem(String file, int line, String message) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
