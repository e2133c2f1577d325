package cn.shegong.portal.news;

/**
 * One dimension of the news list's filter; a facet's counts leave their own dimension out (NONE:
 * none left out). Shared by the database's list and the index's kept copy of it.
 */
public enum FilterDimension {
  REGION,
  TAG,
  YEAR,
  MONTH,
  SOURCE,
  NONE
}
