package io.focussync.allocator.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON merge patch as RFC 7396 defines it (cases from its appendix A). */
class MergePatchTest {

  static Map<String, Object> object(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  void membersAreReplacedAddedAndRemovedByNull() {
    assertThat(MergePatch.apply(object("a", "b"), object("a", "c"))).isEqualTo(object("a", "c"));
    assertThat(MergePatch.apply(object("a", "b"), object("b", "c")))
        .isEqualTo(object("a", "b", "b", "c"));
    assertThat(MergePatch.apply(object("a", "b"), object("a", null))).isEqualTo(object());
    assertThat(MergePatch.apply(object("a", "b", "b", "c"), object("a", null)))
        .isEqualTo(object("b", "c"));
  }

  @Test
  void arraysAndScalarsReplaceTheTargetWhole() {
    assertThat(MergePatch.apply(object("a", List.of("b")), object("a", "c")))
        .isEqualTo(object("a", "c"));
    assertThat(MergePatch.apply(object("a", "c"), object("a", List.of("b"))))
        .isEqualTo(object("a", List.of("b")));
    assertThat(MergePatch.apply(object("a", "foo"), "bar")).isEqualTo("bar");
    assertThat(MergePatch.apply(object("a", "foo"), null)).isNull();
    assertThat(MergePatch.apply(List.of("a", "b"), List.of("c", "d"))).isEqualTo(List.of("c", "d"));
  }

  @Test
  void nestedObjectsMergeAndNullsInsideANewObjectAreDropped() {
    assertThat(
            MergePatch.apply(
                object("a", object("b", "c")), object("a", object("b", "d", "c", null))))
        .isEqualTo(object("a", object("b", "d")));
    assertThat(MergePatch.apply(object("e", null), object("a", 1)))
        .isEqualTo(object("e", null, "a", 1));
    assertThat(MergePatch.apply(List.of("a", "b"), object("a", "b"))).isEqualTo(object("a", "b"));
    assertThat(MergePatch.apply(object(), object("a", object("bb", object("ccc", null)))))
        .isEqualTo(object("a", object("bb", object())));
  }

  @Test
  void theTargetIsLeftUnchanged() {
    Map<String, Object> mapping = new HashMap<>(Map.of("k", "p1", "j", "p2"));
    Map<String, Object> target = new HashMap<>(Map.of("projectMapping", mapping));
    List<Object> list = new ArrayList<>(List.of(1));
    target.put("rules", list);

    Object patched =
        MergePatch.apply(target, object("projectMapping", object("k", null, "n", "p3")));

    assertThat(patched)
        .isEqualTo(object("projectMapping", object("j", "p2", "n", "p3"), "rules", List.of(1)));
    assertThat(mapping).containsOnlyKeys("k", "j");
  }
}
