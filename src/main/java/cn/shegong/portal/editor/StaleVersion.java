package cn.shegong.portal.editor;

import cn.shegong.portal.common.HttpError;

/**
 * A save based on an older version than the one stored: 409, carrying what is stored now so both
 * can be shown.
 */
public final class StaleVersion extends RuntimeException {
  private final transient Object current;
  private final int currentVersion;

  public StaleVersion(Object current, int currentVersion) {
    super("在您编辑期间，已有人保存了更新的版本（当前版本 " + currentVersion + "）。您的修改没有保存，请对照后重新提交。", null, false, false);
    this.current = current;
    this.currentVersion = currentVersion;
  }

  /** For pages that just report the conflict. */
  public HttpError asHttpError() {
    return new HttpError(409, getMessage());
  }

  public Object current() {
    return current;
  }

  public int currentVersion() {
    return currentVersion;
  }
}
