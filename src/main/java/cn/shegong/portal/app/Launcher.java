package cn.shegong.portal.app;

public final class Launcher {
  public static void main(String[] args) {
  }
}
