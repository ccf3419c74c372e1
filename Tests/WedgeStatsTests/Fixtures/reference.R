# SPDX-License-Identifier: Apache-2.0
#
# Reference values for the WedgeStats tests, computed with base R.
# Regenerate (from the package root) with:
#
#   Rscript Tests/WedgeStatsTests/Fixtures/reference.R Tests/WedgeStatsTests/Fixtures
#
# Writes distributions.csv and proportions.csv into the given directory.
# Generated with R 4.2.2; values are printed with sprintf("%.17g") so they round-trip.

args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "."
fmt <- function(v) ifelse(is.na(v), "", sprintf("%.17g", v))

# ---- distributions.csv: function,arg1,arg2,arg3,expected -------------------
rows <- list()
add <- function(fn, a1, a2, a3, value) {
  rows[[length(rows) + 1]] <<- data.frame(fn = fn, a1 = fmt(a1), a2 = fmt(a2),
                                          a3 = fmt(a3), expected = fmt(value))
}

zs <- c(-37, -30, -20, -10, -8, -5, -3, -2, -1.5, -1, -0.5, -0.1, 0, 0.1, 0.7, 1.96, 3, 6, 9)
for (x in zs) add("pnorm", x, NA, NA, pnorm(x))
for (x in c(0, 1, 3, 5, 8, 10, 15, 20, 30, 37)) add("pnorm_upper", x, NA, NA, pnorm(x, lower.tail = FALSE))
ps <- c(1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3,
        0.4, 0.45, 0.5, 0.55, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.999, 1 - 1e-6, 1 - 1e-12)
for (p in ps) add("qnorm", p, NA, NA, qnorm(p))
for (q in c(1e-300, 1e-50, 1e-15, 1e-8, 0.01, 0.3)) add("qnorm_upper", q, NA, NA, qnorm(q, lower.tail = FALSE))

dfs <- c(1, 2, 3, 4.5, 10, 30, 100, 1000)
ts <- c(-50, -10, -4, -2.5, -1, -0.3, 0, 0.2, 1.5, 3, 12)
for (df in dfs) for (t in ts) add("pt", t, df, NA, pt(t, df))
tp <- c(1e-10, 1e-4, 0.005, 0.025, 0.1, 0.3, 0.49, 0.6, 0.9, 0.975, 0.999)
for (df in dfs) for (p in tp) add("qt", p, df, NA, qt(p, df))

cdfs <- c(0.5, 1, 2, 3, 7.3, 10, 50, 200)
for (df in cdfs) for (x in c(1e-4, 0.05, 0.5, 1, 2, 5, 10, 30, 100, 300)) {
  add("pchisq", x, df, NA, pchisq(x, df))
  add("pchisq_upper", x, df, NA, pchisq(x, df, lower.tail = FALSE))
}
for (df in cdfs) for (p in c(1e-12, 1e-6, 0.001, 0.025, 0.1, 0.5, 0.8, 0.95, 0.99, 0.999999)) add("qchisq", p, df, NA, qchisq(p, df))

shapes <- list(c(0.5, 0.5), c(0.1, 3), c(1, 1), c(2, 5), c(5, 2), c(0.7, 12), c(10, 10),
               c(30, 0.5), c(0.5, 30), c(100, 250), c(3, 40))
for (ab in shapes) {
  for (x in c(1e-6, 0.001, 0.05, 0.2, 0.5, 0.8, 0.95, 0.999)) add("pbeta", x, ab[1], ab[2], pbeta(x, ab[1], ab[2]))
  for (p in c(1e-10, 1e-4, 0.025, 0.2, 0.5, 0.8, 0.975, 0.9999)) add("qbeta", p, ab[1], ab[2], qbeta(p, ab[1], ab[2]))
}
write.csv(do.call(rbind, rows), file.path(out, "distributions.csv"), row.names = FALSE, quote = FALSE)

# ---- proportions.csv: method,x1,n1,x2,n2,level,estimate,lower,upper ---------
prow <- list()
padd <- function(method, x1, n1, x2, n2, level, est, lo, hi) {
  prow[[length(prow) + 1]] <<- data.frame(method = method, x1 = x1, n1 = n1, x2 = fmt(x2),
                                          n2 = fmt(n2), level = fmt(level), estimate = fmt(est),
                                          lower = fmt(lo), upper = fmt(hi))
}
singles <- list(c(0, 10), c(1, 10), c(5, 10), c(9, 10), c(10, 10), c(0, 1), c(1, 1), c(3, 47),
                c(17, 120), c(250, 1000), c(999, 1000), c(1, 2000))
levels <- c(0.95, 0.9, 0.99)
wilson <- function(x, n, level) {
  ci <- suppressWarnings(prop.test(x, n, conf.level = level, correct = FALSE))$conf.int
  c(ci[1], ci[2])
}
for (xn in singles) for (lv in levels) {
  x <- xn[1]; n <- xn[2]
  w <- wilson(x, n, lv)
  padd("wilson", x, n, NA, NA, lv, x / n, w[1], w[2])
  cp <- binom.test(x, n, conf.level = lv)$conf.int
  padd("clopper_pearson", x, n, NA, NA, lv, x / n, cp[1], cp[2])
}

pairs <- list(c(15, 50, 8, 50), c(0, 20, 5, 25), c(7, 7, 3, 9), c(56, 70, 48, 80),
              c(9, 10, 3, 10), c(6, 7, 2, 7), c(5, 56, 0, 29), c(0, 10, 0, 20),
              c(10, 10, 20, 20), c(1, 300, 12, 290), c(120, 400, 95, 410))
for (pr in pairs) for (lv in levels) {
  x1 <- pr[1]; n1 <- pr[2]; x2 <- pr[3]; n2 <- pr[4]
  z <- qnorm(1 - (1 - lv) / 2)
  p1 <- x1 / n1; p2 <- x2 / n2
  # Wald risk difference.
  se <- sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
  padd("rd_wald", x1, n1, x2, n2, lv, p1 - p2, p1 - p2 - z * se, p1 - p2 + z * se)
  # Newcombe (1998) method 10: hybrid score from the two Wilson intervals.
  w1 <- wilson(x1, n1, lv); w2 <- wilson(x2, n2, lv)
  d <- p1 - p2
  padd("rd_newcombe", x1, n1, x2, n2, lv, d,
       d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2),
       d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
  # Katz log risk ratio and Woolf logit odds ratio. Uncorrected rows only where the
  # estimate is finite and positive (zero-cell behaviour is asserted in Swift); the
  # "_corrected" rows add 0.5 to all four cells, only for tables with a zero cell.
  a <- x1; b <- n1 - x1; c <- x2; dd <- n2 - x2
  katz <- function(a, b, c, dd) {
    rr <- (a / (a + b)) / (c / (c + dd))
    se <- sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + dd))
    c(rr, exp(log(rr) - z * se), exp(log(rr) + z * se))
  }
  woolf <- function(a, b, c, dd) {
    or <- (a * dd) / (b * c)
    se <- sqrt(1 / a + 1 / b + 1 / c + 1 / dd)
    c(or, exp(log(or) - z * se), exp(log(or) + z * se))
  }
  if (a > 0 && c > 0) { v <- katz(a, b, c, dd); padd("rr_katz", x1, n1, x2, n2, lv, v[1], v[2], v[3]) }
  if (min(a, b, c, dd) > 0) { v <- woolf(a, b, c, dd); padd("or_woolf", x1, n1, x2, n2, lv, v[1], v[2], v[3]) }
  if (min(a, b, c, dd) == 0) {
    v <- katz(a + 0.5, b + 0.5, c + 0.5, dd + 0.5)
    padd("rr_katz_corrected", x1, n1, x2, n2, lv, v[1], v[2], v[3])
    v <- woolf(a + 0.5, b + 0.5, c + 0.5, dd + 0.5)
    padd("or_woolf_corrected", x1, n1, x2, n2, lv, v[1], v[2], v[3])
  }
}
write.csv(do.call(rbind, prow), file.path(out, "proportions.csv"), row.names = FALSE, quote = FALSE)
