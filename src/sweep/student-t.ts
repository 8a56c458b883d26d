/**
 * The Student t quantile t(p, df): the value a t-distributed variable with `df` degrees of freedom
 * stays below with probability p. Computed, not tabled, so any number of seeds works:
 *   P(T <= t) = 1 - I_x(df/2, 1/2) / 2  for t >= 0, with x = df / (df + t^2)
 * (I is the regularized incomplete beta function), solved for t by bisection.
 * Checks: t(0.975, 1) = 12.706, t(0.975, 2) = 4.303, t(0.975, 9) = 2.262, t(0.975, 49) = 2.010.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0.5 && p < 1) || !(df >= 1)) throw new RangeError(`studentTQuantile: need 0.5 < p < 1 and df >= 1, got p=${p}, df=${df}`);
  const tail = 2 * (1 - p);
  let low = 0;
  let high = 1;
  while (incompleteBeta(df / (df + high * high), df / 2, 0.5) > tail) high *= 2;
  // 100 halvings take the bracket below the spacing of doubles; the result is the same on every machine.
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (incompleteBeta(df / (df + mid * mid), df / 2, 0.5) > tail) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** Regularized incomplete beta I_x(a, b), by its continued fraction (Numerical Recipes, betai / betacf). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The fraction converges fast for x < (a + 1) / (a + b + 2); otherwise use I_x(a, b) = 1 - I_{1-x}(b, a).
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(x, a, b)) / a : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    for (const numerator of [(m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)), (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1))]) {
      d = 1 + numerator * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + numerator / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return h;
}

/** ln Γ(z) for z > 0 (Lanczos approximation, g = 7, nine coefficients; about 15 significant digits). */
function logGamma(z: number): number {
  const g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const x = z - 1;
  let sum = g[0];
  for (let i = 1; i < 9; i++) sum += g[i] / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}
