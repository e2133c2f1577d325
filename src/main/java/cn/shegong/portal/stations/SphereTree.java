package cn.shegong.portal.stations;

import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * A static k-d tree over points on the unit sphere, stored as 3-D unit vectors. The straight-line
 * (chord) distance between two unit vectors grows with the great-circle distance, so the k nearest
 * by chord are the k nearest on the earth, and a box around the query in 3-D bounds both; no
 * latitude or longitude edge case (the date line, the poles) needs handling. Points are named by
 * their index in the caller's arrays.
 */
final class SphereTree {
  private static final int LEAF = 8;

  private final int[] order; // tree position → caller's index
  private final double[][] xyz; // [axis][tree position]
  private final byte[] axis; // split axis of the node whose median sits at this position

  SphereTree(double[] latitudes, double[] longitudes, int[] indices) {
    int n = indices.length;
    order = indices.clone();
    xyz = new double[3][n];
    axis = new byte[n];
    for (int i = 0; i < n; i++) {
      double[] u = unit(latitudes[order[i]], longitudes[order[i]]);
      for (int a = 0; a < 3; a++) xyz[a][i] = u[a];
    }
    build(0, n);
  }

  int size() {
    return order.length;
  }

  static double[] unit(double latitude, double longitude) {
    double phi = Math.toRadians(latitude);
    double lambda = Math.toRadians(longitude);
    return new double[] {
      Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)
    };
  }

  /** The squared chord of a great-circle distance. */
  static double chord2ForKm(double km) {
    double c = 2 * Math.sin(Math.min(Math.PI, km / NearbyQuery.EARTH_RADIUS_KM) / 2);
    return c * c;
  }

  /**
   * The k-th smallest squared chord from {@code q} among accepted points; infinity when fewer are
   * accepted.
   */
  double kthChord2(double[] q, int k, IntPredicate accept) {
    Heap heap = new Heap(k);
    nearest(0, order.length, q, accept, heap);
    return heap.size < k ? Double.POSITIVE_INFINITY : heap.top();
  }

  /** Visits every accepted point within the squared chord {@code limit} of {@code q}. */
  void within(double[] q, double limit, IntPredicate accept, IntConsumer visit) {
    within(0, order.length, q, limit, accept, visit);
  }

  private void nearest(int lo, int hi, double[] q, IntPredicate accept, Heap heap) {
    if (hi - lo <= LEAF) {
      for (int i = lo; i < hi; i++) if (accept.test(order[i])) heap.offer(chord2(q, i));
      return;
    }
    int mid = (lo + hi) >>> 1;
    double diff = q[axis[mid]] - xyz[axis[mid]][mid];
    if (accept.test(order[mid])) heap.offer(chord2(q, mid));
    boolean leftFirst = diff < 0;
    if (leftFirst) nearest(lo, mid, q, accept, heap);
    else nearest(mid + 1, hi, q, accept, heap);
    if (!heap.full() || diff * diff <= heap.top()) {
      if (leftFirst) nearest(mid + 1, hi, q, accept, heap);
      else nearest(lo, mid, q, accept, heap);
    }
  }

  private void within(
      int lo, int hi, double[] q, double limit, IntPredicate accept, IntConsumer visit) {
    if (hi - lo <= LEAF) {
      for (int i = lo; i < hi; i++)
        if (chord2(q, i) <= limit && accept.test(order[i])) visit.accept(order[i]);
      return;
    }
    int mid = (lo + hi) >>> 1;
    double diff = q[axis[mid]] - xyz[axis[mid]][mid];
    if (chord2(q, mid) <= limit && accept.test(order[mid])) visit.accept(order[mid]);
    if (diff <= 0 || diff * diff <= limit) within(lo, mid, q, limit, accept, visit);
    if (diff >= 0 || diff * diff <= limit) within(mid + 1, hi, q, limit, accept, visit);
  }

  private double chord2(double[] q, int i) {
    double dx = q[0] - xyz[0][i];
    double dy = q[1] - xyz[1][i];
    double dz = q[2] - xyz[2][i];
    return dx * dx + dy * dy + dz * dz;
  }

  /** Splits on the widest axis at the median, so that left ≤ median ≤ right on it. */
  private void build(int lo, int hi) {
    if (hi - lo <= LEAF) return;
    byte a = widestAxis(lo, hi);
    int mid = (lo + hi) >>> 1;
    select(a, lo, hi - 1, mid);
    axis[mid] = a;
    build(lo, mid);
    build(mid + 1, hi);
  }

  private byte widestAxis(int lo, int hi) {
    byte best = 0;
    double widest = -1;
    for (byte a = 0; a < 3; a++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = lo; i < hi; i++) {
        min = Math.min(min, xyz[a][i]);
        max = Math.max(max, xyz[a][i]);
      }
      if (max - min > widest) {
        widest = max - min;
        best = a;
      }
    }
    return best;
  }

  /** Quickselect on axis {@code a} over [lo, hi]: position k ends up holding the k-th smallest. */
  private void select(int a, int lo, int hi, int k) {
    while (lo < hi) {
      double pivot = xyz[a][(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (xyz[a][i] < pivot) i++;
        while (xyz[a][j] > pivot) j--;
        if (i <= j) swap(i++, j--);
      }
      if (k <= j) hi = j;
      else if (k >= i) lo = i;
      else return;
    }
  }

  private void swap(int i, int j) {
    int o = order[i];
    order[i] = order[j];
    order[j] = o;
    for (double[] c : xyz) {
      double t = c[i];
      c[i] = c[j];
      c[j] = t;
    }
  }

  /** The k smallest values seen, as a max-heap of primitives. */
  private static final class Heap {
    final double[] values;
    int size;

    Heap(int k) {
      values = new double[Math.max(k, 1)];
    }

    boolean full() {
      return size == values.length;
    }

    double top() {
      return values[0];
    }

    void offer(double v) {
      if (size < values.length) {
        int i = size++;
        values[i] = v;
        while (i > 0 && values[(i - 1) / 2] < values[i]) {
          swapValues(i, (i - 1) / 2);
          i = (i - 1) / 2;
        }
      } else if (v < values[0]) {
        values[0] = v;
        int i = 0;
        while (true) {
          int l = 2 * i + 1;
          int r = l + 1;
          int m = i;
          if (l < size && values[l] > values[m]) m = l;
          if (r < size && values[r] > values[m]) m = r;
          if (m == i) return;
          swapValues(i, m);
          i = m;
        }
      }
    }

    private void swapValues(int i, int j) {
      double t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }
}
