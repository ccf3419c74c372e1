# SPDX-License-Identifier: Apache-2.0
#
# Base-R reference values for the NPWP estimator (Thompson et al. 2018, Stat Med 37:2487-2500) and its
# exact permutation test, an implementation independent of the Swift one (no packages needed).
# Regenerate (from the package root) with:
#
#   Rscript Tests/WedgeStatsTests/Fixtures/npwp/reference.R Tests/WedgeStatsTests/Fixtures/npwp
#
# Reads ../glmm/data_swift.csv and writes into the given directory:
#   data_classic.csv  cluster,period,sequence,trt,y,n   (generated here, see below)
#   npwp.csv          dataset,quantity,index,value
#
# Datasets:
#   swift    6 clusters x 5 periods; cluster c is on sequence c, treated in period j when j >= c.
#   classic  6 clusters on 3 sequences of 2 (clusters 0,1 -> sequence 0, 2,3 -> 1, 4,5 -> 2) x 4 periods;
#            sequence s treated in period j when j > s. Cluster 3 has no participants in period 2 (n = 0),
#            so that cluster-period has no summary.
# Estimator: p_cj = sum(y)/sum(n) per cluster-period; in period j, d_j = mean over treated clusters minus
# mean over control clusters (periods with both only), w_j = 1/(1/nT_j + 1/nC_j); estimate
# = sum(w_j d_j)/sum(w_j).
# Permutation test: all distinct permutations of the observed sequence labels (720 and 90); two-sided
# p = mean(|T| >= |T_obs| * (1 - 1e-9)). Test inversion: p(theta0) after subtracting theta0 from the
# summaries of the observed intervention cluster-periods, for a few theta0.
# Quantities: estimate; d and w (index = period; periods without a contrast are absent); p_exact;
# allocations; p_theta0 (index = 1000 * theta0, value = p); and for each allocation in lexicographic
# order the statistic "perm" (index = rank in that order), for the classic dataset only.

args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "."
fmt <- function(v) sprintf("%.17g", v)

swift <- read.csv(file.path(out, "..", "glmm", "data_swift.csv"))
swift$sequence <- swift$cluster
swiftSchedule <- outer(0:5, 0:4, function(s, j) j >= s)

set.seed(314)
classic <- expand.grid(period = 0:3, cluster = 0:5)
classic$sequence <- classic$cluster %/% 2
classic$trt <- as.integer(classic$period > classic$sequence)
classic$n <- 3L + rpois(nrow(classic), 6 + 3 * classic$cluster)
classic$n[classic$cluster == 3 & classic$period == 2] <- 0L
u <- rnorm(6, 0, 0.5)
classic$y <- rbinom(nrow(classic), classic$n,
                    plogis(-0.5 + 0.25 * classic$period + 0.8 * classic$trt + u[classic$cluster + 1]))
classic <- classic[, c("cluster", "period", "sequence", "trt", "y", "n")]
write.csv(classic, file.path(out, "data_classic.csv"), row.names = FALSE, quote = FALSE)
classicSchedule <- outer(0:2, 0:3, function(s, j) j > s)

summaries <- function(d) {
  a <- aggregate(cbind(y, n) ~ cluster + period, data = d, FUN = sum)
  a <- a[a$n > 0, ]
  a$p <- a$y / a$n
  a
}

# NPWP with cluster c on sequence alloc[c + 1]; returns estimate, d and w.
npwp <- function(s, schedule, alloc) {
  treated <- schedule[cbind(alloc[s$cluster + 1] + 1, s$period + 1)]
  res <- list(d = c(), w = c(), period = c())
  for (j in sort(unique(s$period))) {
    t <- s$p[s$period == j & treated]
    k <- s$p[s$period == j & !treated]
    if (length(t) > 0 && length(k) > 0) {
      res$period <- c(res$period, j)
      res$d <- c(res$d, mean(t) - mean(k))
      res$w <- c(res$w, 1 / (1 / length(t) + 1 / length(k)))
    }
  }
  res$estimate <- sum(res$w * res$d) / sum(res$w)
  res
}

# Distinct permutations of a multiset, in lexicographic order.
multisetPerms <- function(v) {
  v <- sort(v)
  if (length(v) <= 1) return(list(v))
  out <- list()
  for (x in unique(v)) {
    rest <- v[-match(x, v)]
    for (r in multisetPerms(rest)) out[[length(out) + 1]] <- c(x, r)
  }
  out
}

rows <- list()
add <- function(ds, q, idx, v) {
  rows[[length(rows) + 1]] <<- data.frame(dataset = ds, quantity = q, index = idx, value = fmt(v))
}

run <- function(name, d, schedule, thetas, keepPerms) {
  s <- summaries(d)
  observed <- sapply(0:max(d$cluster), function(c) d$sequence[d$cluster == c][1])
  est <- npwp(s, schedule, observed)
  add(name, "estimate", 0, est$estimate)
  for (k in seq_along(est$period)) {
    add(name, "d", est$period[k], est$d[k])
    add(name, "w", est$period[k], est$w[k])
  }
  perms <- multisetPerms(observed)
  pvalue <- function(sumTable) {
    tobs <- npwp(sumTable, schedule, observed)$estimate
    ts <- sapply(perms, function(a) npwp(sumTable, schedule, a)$estimate)
    list(p = mean(abs(ts) >= abs(tobs) * (1 - 1e-9)), ts = ts)
  }
  base <- pvalue(s)
  add(name, "p_exact", 0, base$p)
  add(name, "allocations", 0, length(perms))
  if (keepPerms) for (k in seq_along(perms)) add(name, "perm", k - 1, base$ts[k])
  treatedObs <- schedule[cbind(observed[s$cluster + 1] + 1, s$period + 1)]
  for (th in thetas) {
    shifted <- s
    shifted$p <- s$p - th * treatedObs
    add(name, "p_theta0", round(1000 * th), pvalue(shifted)$p)
  }
}

run("swift", swift, swiftSchedule, c(-0.1, 0, 0.1, 0.2, 0.3), FALSE)
run("classic", classic, classicSchedule, c(-0.2, 0, 0.1, 0.25, 0.4), TRUE)
write.csv(do.call(rbind, rows), file.path(out, "npwp.csv"), row.names = FALSE, quote = FALSE)
