package io.neuralbytes.cnn;

/** Plain loops straight from the formulas, to compare the layers' kernels against. */
final class ReferenceKernels {

  private ReferenceKernels() {
  }

  /** Z[k, i, j] = bias[k] + sum over c, u, v of F[k, c, u, v] X[c, i + u, j + v]. */
  static double[] convForward(ConvNetConfig s, double[] F, double[] bias, double[] X) {
    int oh = s.outputHeight();
    int ow = s.outputWidth();
    double[] Z = new double[s.featureCount()];
    for (int k = 0; k < s.filters(); k++) {
      for (int i = 0; i < oh; i++) {
        for (int j = 0; j < ow; j++) {
          double sum = bias == null ? 0.0 : bias[k];
          for (int c = 0; c < s.channels(); c++) {
            for (int u = 0; u < s.filterHeight(); u++) {
              for (int v = 0; v < s.filterWidth(); v++) {
                sum += F[((k * s.channels() + c) * s.filterHeight() + u) * s.filterWidth() + v]
                    * X[(c * s.height() + i + u) * s.width() + j + v];
              }
            }
          }
          Z[(k * oh + i) * ow + j] = sum;
        }
      }
    }
    return Z;
  }

  /** dF[k, c, u, v] = sum over i, j of dZ[k, i, j] X[c, i + u, j + v]. */
  static double[] convFilterGradient(ConvNetConfig s, double[] X, double[] dZ) {
    int oh = s.outputHeight();
    int ow = s.outputWidth();
    double[] dF = new double[s.filters() * s.channels() * s.filterHeight() * s.filterWidth()];
    for (int k = 0; k < s.filters(); k++) {
      for (int c = 0; c < s.channels(); c++) {
        for (int u = 0; u < s.filterHeight(); u++) {
          for (int v = 0; v < s.filterWidth(); v++) {
            double sum = 0.0;
            for (int i = 0; i < oh; i++) {
              for (int j = 0; j < ow; j++) {
                sum += dZ[(k * oh + i) * ow + j] * X[(c * s.height() + i + u) * s.width() + j + v];
              }
            }
            dF[((k * s.channels() + c) * s.filterHeight() + u) * s.filterWidth() + v] = sum;
          }
        }
      }
    }
    return dF;
  }

  /** z[m] = b[m] + sum over j of W[m, j] a[j], W being M x J. */
  static double[] denseForward(double[] W, double[] b, double[] a) {
    int M = b.length;
    int J = a.length;
    double[] z = new double[M];
    for (int m = 0; m < M; m++) {
      double sum = 0.0;
      for (int j = 0; j < J; j++) {
        sum += W[m * J + j] * a[j];
      }
      z[m] = b[m] + sum;
    }
    return z;
  }

  /** da[j] = sum over m of W[m, j] dz[m]. */
  static double[] denseInputGradient(double[] W, double[] dz, int J) {
    double[] da = new double[J];
    for (int j = 0; j < J; j++) {
      for (int m = 0; m < dz.length; m++) {
        da[j] += W[m * J + j] * dz[m];
      }
    }
    return da;
  }
}
