module licensespring-mock/examples/go

go 1.21
