"""The hostile-input suite: what the workbook does with damaged, malicious or just odd material."""
