package cn.shegong.portal.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the portal can be told, parsed once at start from the environment with safe defaults.
 *
 * @param dbUrl explicit database URL (PORTAL_DB_URL); empty means "local server, else embedded"
 */
public record AppConfig(
    int httpPort,
    Optional<String> dbUrl,
    Path indexDir,
    Path dataDir,
    Path seedsDir,
    int dbPoolSize,
    int dbPoolMaxWait,
    int dbConnectTimeoutMs,
    int dbStatementTimeoutMs,
    String publicBaseUrl,
    boolean tls,
    List<String> trustedProxies,
    String mapTilesUrl,
    String mapTilesAttribution,
    Optional<Path> synonymsFile,
    int shutdownDrainMs,
    int pageCacheMb,
    List<String> requireTwoFactor,
    HttpLimits httpLimits,
    int dbPoolWaitMs,
    int dbFollowerPoolSize,
    int dbSchedulerPoolSize,
    int dbDeskPoolSize,
    int keptAnswersMb,
    String quickExitUrl,
    Optional<Path> holidaysDir,
    int searchCountLimit,
    int indexBuildWaitMs,
    int sitemapUrlsPerFile) {

  /**
   * How long a connection may stay silent, send its request head, or send its body (seconds),
   * before the server closes it: a half-sent request does not hold a connection for minutes.
   */
  public record HttpLimits(int idleTimeoutS, int headerTimeoutS, int bodyTimeoutS) {}

  /** Where 快速离开 goes: a neutral, busy site (China Weather) unless the operator picks another. */
  public static final String DEFAULT_QUICK_EXIT_URL = "https://www.weather.com.cn/";

  public static AppConfig fromEnv() {
    return from(System.getenv());
  }

  public static AppConfig from(Map<String, String> env) {
    int port = intOf(env, "PORTAL_HTTP_PORT", 8080);
    return new AppConfig(
        port,
        Optional.ofNullable(env.get("PORTAL_DB_URL")).filter(s -> !s.isBlank()),
        Path.of(env.getOrDefault("PORTAL_INDEX_DIR", "index")),
        Path.of(env.getOrDefault("PORTAL_DATA_DIR", "data")),
        Path.of(env.getOrDefault("PORTAL_SEEDS_DIR", "seeds")),
        intOf(env, "PORTAL_DB_POOL_SIZE", 8),
        intOf(env, "PORTAL_DB_POOL_MAX_WAIT", 256),
        intOf(env, "PORTAL_DB_CONNECT_TIMEOUT_MS", 3000),
        intOf(env, "PORTAL_DB_STATEMENT_TIMEOUT_MS", 5000),
        stripSlash(env.getOrDefault("PORTAL_PUBLIC_URL", "http://localhost:" + port)),
        Boolean.parseBoolean(env.getOrDefault("PORTAL_TLS", "false")),
        List.of(env.getOrDefault("PORTAL_TRUSTED_PROXIES", "").split("\\s*,\\s*")).stream()
            .filter(s -> !s.isBlank())
            .toList(),
        env.getOrDefault("PORTAL_MAP_TILES", ""),
        env.getOrDefault("PORTAL_MAP_ATTRIBUTION", ""),
        Optional.ofNullable(env.get("PORTAL_SYNONYMS")).filter(s -> !s.isBlank()).map(Path::of),
        intOf(env, "PORTAL_SHUTDOWN_DRAIN_MS", 1000),
        intOf(env, "PORTAL_PAGE_CACHE_MB", 16),
        List.of(env.getOrDefault("PORTAL_REQUIRE_2FA", "admin,editor").split("\\s*,\\s*")).stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList(),
        new HttpLimits(
            intOf(env, "PORTAL_HTTP_IDLE_TIMEOUT_S", 30),
            intOf(env, "PORTAL_HTTP_HEADER_TIMEOUT_S", 10),
            intOf(env, "PORTAL_HTTP_BODY_TIMEOUT_S", 60)),
        intOf(env, "PORTAL_DB_POOL_WAIT_MS", 1500),
        intOf(env, "PORTAL_DB_FOLLOWER_POOL_SIZE", 2),
        intOf(env, "PORTAL_DB_SCHEDULER_POOL_SIZE", 1),
        intOf(env, "PORTAL_DB_DESK_POOL_SIZE", 3),
        intOf(env, "PORTAL_KEPT_ANSWERS_MB", 32),
        quickExit(env.getOrDefault("PORTAL_QUICK_EXIT_URL", DEFAULT_QUICK_EXIT_URL)),
        Optional.ofNullable(env.get("PORTAL_HOLIDAYS_DIR")).filter(s -> !s.isBlank()).map(Path::of),
        // hits counted exactly up to here; past it the total is a lower bound ("10,000+")
        intOf(env, "PORTAL_SEARCH_COUNT_LIMIT", 10_000),
        // how long start waits for a missing index to be built before serving without it
        intOf(env, "PORTAL_INDEX_BUILD_WAIT_MS", 5000),
        // the sitemap protocol's limit; smaller files only if a crawler needs them
        Math.max(1, Math.min(50_000, intOf(env, "PORTAL_SITEMAP_URLS_PER_FILE", 50_000))));
  }

  /**
   * The same configuration with other values, for tests and for several processes on one machine.
   */
  public AppConfig with(Map<String, String> overrides) {
    Map<String, String> env = new java.util.HashMap<>(asEnv());
    env.putAll(overrides);
    return from(env);
  }

  /** The effective configuration for the start-up log: no secrets. */
  public String describe() {
    return "port="
        + httpPort
        + " db="
        + dbUrl.map(AppConfig::redact).orElse("(local or embedded)")
        + " index="
        + indexDir.toAbsolutePath()
        + " data="
        + dataDir.toAbsolutePath()
        + " seeds="
        + seedsDir.toAbsolutePath()
        + " pool="
        + dbPoolSize
        + "/"
        + dbPoolMaxWait
        + " wait="
        + dbPoolWaitMs
        + "ms"
        + " pools(follower/scheduler/desk)="
        + dbFollowerPoolSize
        + "/"
        + dbSchedulerPoolSize
        + "/"
        + dbDeskPoolSize
        + " statementTimeoutMs="
        + dbStatementTimeoutMs
        + " publicUrl="
        + publicBaseUrl
        + " tls="
        + tls
        + " trustedProxies="
        + trustedProxies
        + " pageCacheMb="
        + pageCacheMb
        + " require2fa="
        + requireTwoFactor
        + " httpTimeoutsS(idle/header/body)="
        + httpLimits.idleTimeoutS()
        + "/"
        + httpLimits.headerTimeoutS()
        + "/"
        + httpLimits.bodyTimeoutS()
        + " quickExit="
        + quickExitUrl
        + " tiles="
        + (mapTilesUrl.isBlank() ? "(bundled outline only)" : mapTilesUrl);
  }

  /**
   * The session cookie is Secure only with PORTAL_TLS: an https public URL without it is worth a
   * warning.
   */
  public Optional<String> insecureCookieWarning() {
    if (!publicBaseUrl.regionMatches(true, 0, "https://", 0, 8) || tls) return Optional.empty();
    return Optional.of(
        "PORTAL_PUBLIC_URL is https but PORTAL_TLS is false: the desk session cookie is sent "
            + "without Secure and there is no HSTS. Set PORTAL_TLS=true behind a TLS proxy.");
  }

  static String redact(String url) {
    return url.replaceAll("(//[^:/@]+):[^@]*@", "$1:***@")
        .replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private Map<String, String> asEnv() {
    Map<String, String> m = new java.util.HashMap<>();
    m.put("PORTAL_HTTP_PORT", String.valueOf(httpPort));
    dbUrl.ifPresent(u -> m.put("PORTAL_DB_URL", u));
    m.put("PORTAL_INDEX_DIR", indexDir.toString());
    m.put("PORTAL_DATA_DIR", dataDir.toString());
    m.put("PORTAL_SEEDS_DIR", seedsDir.toString());
    m.put("PORTAL_DB_POOL_SIZE", String.valueOf(dbPoolSize));
    m.put("PORTAL_DB_POOL_MAX_WAIT", String.valueOf(dbPoolMaxWait));
    m.put("PORTAL_DB_CONNECT_TIMEOUT_MS", String.valueOf(dbConnectTimeoutMs));
    m.put("PORTAL_DB_STATEMENT_TIMEOUT_MS", String.valueOf(dbStatementTimeoutMs));
    m.put("PORTAL_PUBLIC_URL", publicBaseUrl);
    m.put("PORTAL_TLS", String.valueOf(tls));
    m.put("PORTAL_TRUSTED_PROXIES", String.join(",", trustedProxies));
    m.put("PORTAL_MAP_TILES", mapTilesUrl);
    m.put("PORTAL_MAP_ATTRIBUTION", mapTilesAttribution);
    synonymsFile.ifPresent(p -> m.put("PORTAL_SYNONYMS", p.toString()));
    m.put("PORTAL_SHUTDOWN_DRAIN_MS", String.valueOf(shutdownDrainMs));
    m.put("PORTAL_PAGE_CACHE_MB", String.valueOf(pageCacheMb));
    m.put("PORTAL_REQUIRE_2FA", String.join(",", requireTwoFactor));
    m.put("PORTAL_HTTP_IDLE_TIMEOUT_S", String.valueOf(httpLimits.idleTimeoutS()));
    m.put("PORTAL_HTTP_HEADER_TIMEOUT_S", String.valueOf(httpLimits.headerTimeoutS()));
    m.put("PORTAL_HTTP_BODY_TIMEOUT_S", String.valueOf(httpLimits.bodyTimeoutS()));
    m.put("PORTAL_DB_POOL_WAIT_MS", String.valueOf(dbPoolWaitMs));
    m.put("PORTAL_DB_FOLLOWER_POOL_SIZE", String.valueOf(dbFollowerPoolSize));
    m.put("PORTAL_DB_SCHEDULER_POOL_SIZE", String.valueOf(dbSchedulerPoolSize));
    m.put("PORTAL_DB_DESK_POOL_SIZE", String.valueOf(dbDeskPoolSize));
    m.put("PORTAL_KEPT_ANSWERS_MB", String.valueOf(keptAnswersMb));
    m.put("PORTAL_QUICK_EXIT_URL", quickExitUrl);
    holidaysDir.ifPresent(p -> m.put("PORTAL_HOLIDAYS_DIR", p.toString()));
    m.put("PORTAL_SEARCH_COUNT_LIMIT", String.valueOf(searchCountLimit));
    m.put("PORTAL_INDEX_BUILD_WAIT_MS", String.valueOf(indexBuildWaitMs));
    m.put("PORTAL_SITEMAP_URLS_PER_FILE", String.valueOf(sitemapUrlsPerFile));
    return m;
  }

  private static String quickExit(String url) {
    String u = url.strip();
    if (u.isEmpty()) return DEFAULT_QUICK_EXIT_URL;
    if (!u.matches("https?://[^\\s\"'<>]+"))
      throw new IllegalArgumentException(
          "PORTAL_QUICK_EXIT_URL must be an http(s) URL, got: " + url);
    return u;
  }

  private static int intOf(Map<String, String> env, String key, int dflt) {
    String v = env.get(key);
    if (v == null || v.isBlank()) return dflt;
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, got: " + v);
    }
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
