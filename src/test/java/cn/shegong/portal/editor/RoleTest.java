package cn.shegong.portal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shegong.portal.news.ArticleStatus;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The permission table and the article rules, without a server")
class RoleTest {
  private static final EditorUser WRITER = new EditorUser(7, "writer", Role.CONTRIBUTOR);
  private static final EditorUser EDITOR = new EditorUser(8, "editor", Role.EDITOR);

  private static Set<Permission> granted(Role r) {
    return Stream.of(Permission.values())
        .filter(r::grants)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
  }

  @Test
  @DisplayName(
      "an admin may do everything, an editor everything but accounts and help lines, a contributor only drafts and looking")
  void table() {
    assertEquals(EnumSet.allOf(Permission.class), granted(Role.ADMIN));
    assertEquals(
        EnumSet.complementOf(
            EnumSet.of(
                Permission.MANAGE_ACCOUNTS,
                Permission.MANAGE_HELPLINES,
                Permission.MANAGE_SYNONYMS)),
        granted(Role.EDITOR));
    assertEquals(
        EnumSet.of(
            Permission.VIEW_DESK,
            Permission.EDIT_DRAFT,
            Permission.SUBMIT_FOR_REVIEW,
            Permission.VIEW_STATIONS,
            Permission.VIEW_REPORTS),
        granted(Role.CONTRIBUTOR));
  }

  @Test
  @DisplayName("roles are found by their stored code and nothing else")
  void codes() {
    assertEquals(Role.CONTRIBUTOR, Role.of("contributor"));
    assertTrue(Role.find("Admin").isEmpty());
    assertTrue(Role.find("root").isEmpty());
    for (Permission p : Permission.values()) assertFalse(p.label().isBlank(), p.name());
  }

  @Test
  @DisplayName(
      "a contributor may save only their own draft; anything published or someone else's is refused")
  void contributorEdits() {
    assertNull(ArticleRights.missingToEdit(ArticleStatus.DRAFT, 7L, WRITER));
    assertEquals(
        Permission.EDIT_OTHERS_DRAFTS,
        ArticleRights.missingToEdit(ArticleStatus.DRAFT, 9L, WRITER));
    assertEquals(
        Permission.EDIT_OTHERS_DRAFTS,
        ArticleRights.missingToEdit(ArticleStatus.DRAFT, null, WRITER));
    for (ArticleStatus s : ArticleStatus.values()) {
      if (s != ArticleStatus.DRAFT)
        assertEquals(
            Permission.EDIT_PUBLISHED, ArticleRights.missingToEdit(s, 7L, WRITER), s.name());
    }
  }

  @Test
  @DisplayName("an editor may save any article; state changes need their own permission")
  void editorEdits() {
    for (ArticleStatus s : ArticleStatus.values())
      assertNull(ArticleRights.missingToEdit(s, null, EDITOR));
    assertEquals(Permission.PUBLISH, ArticleRights.missingFor(Permission.PUBLISH, 7L, WRITER));
    assertNull(ArticleRights.missingFor(Permission.SUBMIT_FOR_REVIEW, 7L, WRITER));
    assertEquals(
        Permission.EDIT_OTHERS_DRAFTS,
        ArticleRights.missingFor(Permission.SUBMIT_FOR_REVIEW, 8L, WRITER));
    assertNull(ArticleRights.missingFor(Permission.PUBLISH, 7L, EDITOR));
  }
}
